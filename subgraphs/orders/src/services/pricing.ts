// Cart and order totals in integer minor units: subtotal, shipping by method, tax at a configured
// rate in basis points (rounded half up), total. Never floats.
import type { Money } from "@shopstream/kernel";

export type ShippingMethod = "STANDARD" | "EXPRESS";

export interface PricingConfig {
  taxRateBps: number;
  shipping: Record<ShippingMethod, number>;
  /** Currency of an empty cart. */
  defaultCurrency: string;
}

export interface PricedLine {
  quantity: number;
  unitPrice: number;
  currency: string;
}

export interface Totals {
  currency: string;
  subtotal: number;
  shipping: number;
  tax: number;
  total: number;
}

export function computeTotals(lines: PricedLine[], method: ShippingMethod, config: PricingConfig): Totals {
  const currency = lines[0]?.currency ?? config.defaultCurrency;
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const shipping = lines.length > 0 ? config.shipping[method] : 0;
  const tax = Math.floor((subtotal * config.taxRateBps + 5_000) / 10_000);
  return { currency, subtotal, shipping, tax, total: subtotal + shipping + tax };
}

export const money = (amount: number, currency: string): Money => ({ amount, currency });

export function totalsAsMoney(totals: Totals) {
  const { currency } = totals;
  return {
    subtotal: money(totals.subtotal, currency),
    shipping: money(totals.shipping, currency),
    tax: money(totals.tax, currency),
    total: money(totals.total, currency),
  };
}
