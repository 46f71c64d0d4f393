/** Amounts are shown in the server's configured currency (Query.appInfo.currency). */
let formats = formatsFor('EUR');

function formatsFor(currency: string) {
  const format = (options: Intl.NumberFormatOptions = {}) =>
    new Intl.NumberFormat(undefined, { style: 'currency', currency, ...options });
  return {
    small: format({ minimumFractionDigits: 2, maximumFractionDigits: 4 }),
    large: format(),
    price: format({ minimumFractionDigits: 2, maximumFractionDigits: 3 }),
  };
}

export function setCurrency(currency: string): void {
  formats = formatsFor(currency);
}

/** A cost like €0.0042 (four decimals below one unit, where single messages usually are). */
export function formatCost(amount: number): string {
  return (Math.abs(amount) >= 1 ? formats.large : formats.small).format(amount);
}

/** A price per million tokens, like €3.00 or €0.086. */
export function formatPrice(amount: number): string {
  return formats.price.format(amount);
}
