/**
 * The exact decimal text of a finite JavaScript number, in plain notation:
 * `1e21` → `"1000000000000000000000"`, `5e-7` → `"0.0000005"`, `0.39` → `"0.39"`.
 * It is the shortest text that reads back as the same number (what `String`
 * gives), with any exponent written out, so no digit is added or lost.
 */
export function numberToPlainText(value: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`not a finite number: ${String(value)}`);
  const [, sign, whole, fraction = "", exponentText = "0"] = m;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  const point = whole.length + exponent; // position of the decimal point in `digits`
  let integer: string;
  let decimals: string;
  if (point <= 0) {
    integer = "0";
    decimals = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    integer = digits + "0".repeat(point - digits.length);
    decimals = "";
  } else {
    integer = digits.slice(0, point);
    decimals = digits.slice(point);
  }
  integer = integer.replace(/^0+(?=\d)/, "");
  decimals = decimals.replace(/0+$/, "");
  const negative = sign === "-" && /[1-9]/.test(integer + decimals);
  return `${negative ? "-" : ""}${integer}${decimals ? `.${decimals}` : ""}`;
}
