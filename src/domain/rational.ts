// Exact comparison of shares with targets. A target such as 18.4 % or 63.25 %
// is a decimal; it is turned into an integer fraction so that
// numerator / denominator >= target / 100 is decided without rounding
// ("74.96 % is a FAIL against 75 %").

export interface Decimal {
  /** The digits of the value as an integer. */
  units: bigint;
  /** The value is units / 10^scale. */
  scale: number;
}

export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  // Whole numbers exactly, however large: toFixed writes 1e21 and above with an exponent.
  if (Number.isInteger(value)) return { units: BigInt(value), scale: 0 };
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(15).replace(/0+$/, '').replace(/\.$/, '');
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = digits.split('.');
  const units = BigInt(whole + fraction) * (negative ? -1n : 1n);
  return { units, scale: fraction.length };
}

/** numerator / denominator >= percent / 100, exactly. */
export function meetsPercent(numerator: number, denominator: number, percent: number): boolean {
  const { units, scale } = toDecimal(percent);
  // numerator * 100 * 10^scale >= units * denominator
  return BigInt(numerator) * 100n * 10n ** BigInt(scale) >= units * BigInt(denominator);
}

/** ceil(percent / 100 × denominator): the people needed to reach the target. */
export function peopleNeeded(denominator: number, percent: number): number {
  const { units, scale } = toDecimal(percent);
  const product = units * BigInt(denominator);
  const divisor = 100n * 10n ** BigInt(scale);
  const quotient = product / divisor;
  const ceil = product % divisor > 0n ? quotient + 1n : quotient;
  return Number(ceil);
}
