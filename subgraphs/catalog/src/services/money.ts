// Money arrives as integer minor units plus an ISO 4217 code. GraphQL's Int already rejects
// fractions, so what is left to check is the sign and that the currency exists.
import { type UserError, userError } from "@shopstream/kernel";

export interface MoneyInput {
  amount: number;
  currency: string;
}

// ICU's list of ISO 4217 codes, as shipped with Node.
const knownCurrencies = new Set(Intl.supportedValuesOf("currency"));

export const isKnownCurrency = (code: string) => knownCurrencies.has(code);

export function validateMoney(money: MoneyInput, field: string[]): UserError[] {
  const errors: UserError[] = [];
  if (!Number.isInteger(money.amount) || money.amount < 0)
    errors.push(userError("NEGATIVE_AMOUNT", "An amount must be zero or more minor units.", [...field, "amount"]));
  if (!isKnownCurrency(money.currency))
    errors.push(userError("UNKNOWN_CURRENCY", `Unknown currency "${money.currency}".`, [...field, "currency"]));
  return errors;
}

/** Price plus optional compare-at price: both valid, same currency, compare-at strictly above. */
export function validatePricePair(price: MoneyInput, compareAt: MoneyInput | null | undefined, field: string[]) {
  const errors = validateMoney(price, [...field, "price"]);
  if (!compareAt) return errors;
  const compareField = [...field, "compareAtPrice"];
  errors.push(...validateMoney(compareAt, compareField));
  if (errors.length > 0) return errors;
  if (compareAt.currency !== price.currency)
    errors.push(userError("CURRENCY_MISMATCH", "The compare-at price must use the price's currency.", compareField));
  else if (compareAt.amount <= price.amount)
    errors.push(userError("COMPARE_AT_NOT_ABOVE_PRICE", "The compare-at price must be above the price.", compareField));
  return errors;
}
