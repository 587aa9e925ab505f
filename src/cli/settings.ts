// What a run is configured with: the words of the exports, the roadmap, the
// baselines and the stage-2 rule. Defaults are built in; a config file
// (`sferum-kpi.config.json` or --config) changes them; flags override both
// (the flags are applied where they are used: baselines in report-inputs.ts).
import { type Roadmap, TYVA_2025 } from '../domain/roadmap.js';
import type { BaselineValues } from '../input/baseline.js';
import { findConfig } from '../input/config.js';
import { buildVocabulary, type Vocabulary } from '../input/vocabulary.js';

export interface Settings {
  vocabulary: Vocabulary;
  roadmap: Roadmap;
  /** Baselines from the config, by municipality name as written there. */
  baselines: BaselineValues;
  /** Whether failing a conditional stage-2 target fails `check`. */
  stage2Conditional: boolean;
  /** The config file read, if any. */
  configFile?: string;
}

export interface SettingsFlags {
  config?: string;
}

export function loadSettings(flags: SettingsFlags): Settings {
  const config = findConfig(flags.config);
  return {
    vocabulary: buildVocabulary(config?.vocabulary),
    roadmap: config?.roadmap ?? TYVA_2025,
    baselines: config?.baselines ?? { region: {}, byName: {} },
    stage2Conditional: config?.stage2Conditional ?? true,
    configFile: config?.file,
  };
}
