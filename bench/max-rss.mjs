// Preloaded with `node --import` where /usr/bin/time is missing: writes the
// process's peak RSS (KB, worker threads included) to $BENCH_RSS_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
