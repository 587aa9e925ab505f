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

/**
 * A target as a decimal, with its units and power of ten as Numbers when
 * they are exact ones. Targets are few (75, 30, 100, a baseline per
 * municipality), so each is converted once.
 */
interface Target {
  decimal: Decimal;
  /** units, when it is a safe integer; the products below are then tried in Numbers first. */
  units: number | undefined;
  power: number;
}

const TARGETS_LIMIT = 10_000;
const targets = new Map<number, Target>();

function targetOf(percent: number): Target {
  let target = targets.get(percent);
  if (target === undefined) {
    const decimal = toDecimal(percent);
    const units = Number(decimal.units);
    target = {
      decimal,
      units: Number.isSafeInteger(units) && BigInt(units) === decimal.units ? units : undefined,
      power: 10 ** decimal.scale,
    };
    if (targets.size < TARGETS_LIMIT) targets.set(percent, target);
  }
  return target;
}

/**
 * Whether whole-number products of these integers are exact in Numbers: every
 * factor and product a safe integer (a product past 2^53 rounds to at least
 * 2^53, so the check after multiplying is enough). Five parameters rather
 * than a rest parameter, which made an array per call (two per indicator of
 * each municipality).
 */
function exact(a: number, b: number, c: number, d: number, e = 0): boolean {
  const safe = Number.isSafeInteger;
  return safe(a) && safe(b) && safe(c) && safe(d) && safe(e);
}

/** numerator / denominator >= percent / 100, exactly. */
export function meetsPercent(numerator: number, denominator: number, percent: number): boolean {
  const { decimal, units, power } = targetOf(percent);
  if (units !== undefined) {
    const left = numerator * 100 * power;
    const right = units * denominator;
    if (exact(numerator, denominator, power, left, right)) return left >= right;
  }
  // numerator * 100 * 10^scale >= units * denominator
  return (
    BigInt(numerator) * 100n * 10n ** BigInt(decimal.scale) >= decimal.units * BigInt(denominator)
  );
}

/** ceil(percent / 100 × denominator): the people needed to reach the target. */
export function peopleNeeded(denominator: number, percent: number): number {
  const { decimal, units, power } = targetOf(percent);
  if (units !== undefined) {
    const product = units * denominator;
    const divisor = 100 * power;
    if (exact(denominator, product, divisor, units)) {
      const remainder = product % divisor;
      const quotient = (product - remainder) / divisor;
      return remainder > 0 ? quotient + 1 : quotient;
    }
  }
  const product = decimal.units * BigInt(denominator);
  const divisor = 100n * 10n ** BigInt(decimal.scale);
  const quotient = product / divisor;
  const ceil = product % divisor > 0n ? quotient + 1n : quotient;
  return Number(ceil);
}
