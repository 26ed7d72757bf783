// Cart persistence. A cart is owned by a user or by a guest token (a CHECK enforces exactly one).
import type { OrdersPrisma, OrdersTx, Prisma } from "../db.js";

export type CartOwner = { userId: string } | { guestToken: string };

const where = (owner: CartOwner) => ("userId" in owner ? { userId: owner.userId } : { guestToken: owner.guestToken });

export const findCart = (db: OrdersPrisma | OrdersTx, owner: CartOwner) =>
  db.cart.findUnique({ where: where(owner), include: { lines: { orderBy: { addedAt: "asc" } } } });

export type CartWithLines = NonNullable<Awaited<ReturnType<typeof findCart>>>;

export const getOrCreateCart = (tx: OrdersTx, owner: CartOwner) =>
  tx.cart.upsert({
    where: where(owner),
    create: where(owner),
    update: {},
    include: { lines: { orderBy: { addedAt: "asc" } } },
  });

/** Adds to a line's quantity (creating the line when missing). */
export async function addQuantity(tx: OrdersTx, cartId: string, variantId: string, quantity: number) {
  await tx.cartLine.upsert({
    where: { cartId_variantId: { cartId, variantId } },
    create: { cartId, variantId, quantity },
    update: { quantity: { increment: quantity } },
  });
  await touch(tx, cartId);
}

export async function setQuantity(tx: OrdersTx, cartId: string, variantId: string, quantity: number) {
  await tx.cartLine.update({ where: { cartId_variantId: { cartId, variantId } }, data: { quantity } });
  await touch(tx, cartId);
}

export async function removeLine(tx: OrdersTx, cartId: string, variantId: string) {
  await tx.cartLine.deleteMany({ where: { cartId, variantId } });
  await touch(tx, cartId);
}

export const updateCart = (tx: OrdersTx, cartId: string, data: Prisma.CartUpdateInput) =>
  tx.cart.update({ where: { id: cartId }, data });

/** Locks the cart row for the rest of the transaction. */
export const lockCart = (tx: OrdersTx, cartId: string) =>
  tx.$queryRawUnsafe("SELECT id FROM cart WHERE id = $1 FOR UPDATE", cartId);

export const deleteCart = (tx: OrdersTx, cartId: string) => tx.cart.delete({ where: { id: cartId } });

export const clearLines = (tx: OrdersTx, cartId: string) => tx.cartLine.deleteMany({ where: { cartId } });

const touch = (tx: OrdersTx, cartId: string) =>
  tx.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
