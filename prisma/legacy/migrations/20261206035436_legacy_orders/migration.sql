-- CreateTable
CREATE TABLE "legacy_order" (
    "order_no" SERIAL NOT NULL,
    "cust_id" TEXT NOT NULL,
    "ord_status" CHAR(1) NOT NULL,
    "curr_cd" CHAR(3) NOT NULL,
    "sub_amt" DECIMAL(12,2) NOT NULL,
    "ship_amt" DECIMAL(12,2) NOT NULL,
    "tax_amt" DECIMAL(12,2) NOT NULL,
    "tot_amt" DECIMAL(12,2) NOT NULL,
    "ship_via" TEXT NOT NULL,
    "ship_name" TEXT NOT NULL,
    "ship_addr1" TEXT NOT NULL,
    "ship_addr2" TEXT,
    "ship_city" TEXT NOT NULL,
    "ship_zip" TEXT NOT NULL,
    "ship_ctry" CHAR(2) NOT NULL,
    "created_ts" TIMESTAMP(0) NOT NULL,
    "modified_ts" TIMESTAMP(0) NOT NULL,

    CONSTRAINT "legacy_order_pkey" PRIMARY KEY ("order_no")
);

-- CreateTable
CREATE TABLE "legacy_order_item" (
    "order_no" INTEGER NOT NULL,
    "line_no" SMALLINT NOT NULL,
    "sku_id" TEXT NOT NULL,
    "sku_code" TEXT NOT NULL,
    "prod_id" TEXT NOT NULL,
    "prod_name" TEXT NOT NULL,
    "qty" INTEGER NOT NULL,
    "unit_price" DECIMAL(12,2) NOT NULL,

    CONSTRAINT "legacy_order_item_pkey" PRIMARY KEY ("order_no","line_no")
);

-- CreateIndex
CREATE INDEX "legacy_order_cust_id_created_ts_order_no_idx" ON "legacy_order"("cust_id", "created_ts" DESC, "order_no" DESC);

-- AddForeignKey
ALTER TABLE "legacy_order_item" ADD CONSTRAINT "legacy_order_item_order_no_fkey" FOREIGN KEY ("order_no") REFERENCES "legacy_order"("order_no") ON DELETE CASCADE ON UPDATE CASCADE;

-- The monolith's invariants (Prisma cannot express CHECKs).
ALTER TABLE "legacy_order" ADD CONSTRAINT "legacy_order_status_check" CHECK ("ord_status" IN ('N', 'P', 'S', 'D', 'X', 'F'));
ALTER TABLE "legacy_order" ADD CONSTRAINT "legacy_order_ship_via_check" CHECK ("ship_via" IN ('STD', 'EXP'));
ALTER TABLE "legacy_order_item" ADD CONSTRAINT "legacy_order_item_qty_check" CHECK ("qty" > 0);

-- The seeded history ends below 500000, and orders the monolith takes during the parallel run are numbered from there.
ALTER SEQUENCE "legacy_order_order_no_seq" RESTART WITH 500000;

-- An order as one JSON document in the shape of the legacy.order.changed contract (without its
-- changeSeq): what change capture publishes and what the orders backfill reads, so both see the same.
CREATE FUNCTION "legacy_order_snapshot"(wanted integer) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
      'orderNo', o.order_no, 'custId', o.cust_id, 'status', o.ord_status, 'currency', o.curr_cd,
      'subtotal', o.sub_amt::text, 'shipping', o.ship_amt::text, 'tax', o.tax_amt::text, 'total', o.tot_amt::text,
      'shipVia', o.ship_via,
      'shipTo', jsonb_build_object('name', o.ship_name, 'line1', o.ship_addr1, 'line2', o.ship_addr2,
        'city', o.ship_city, 'postalCode', o.ship_zip, 'country', o.ship_ctry),
      'createdAt', to_char(o.created_ts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'modifiedAt', to_char(o.modified_ts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'items', COALESCE((
        SELECT jsonb_agg(jsonb_build_object('lineNo', i.line_no, 'skuId', i.sku_id, 'skuCode', i.sku_code,
          'prodId', i.prod_id, 'prodName', i.prod_name, 'qty', i.qty, 'unitPrice', i.unit_price::text) ORDER BY i.line_no)
        FROM legacy_order_item i WHERE i.order_no = o.order_no), '[]'::jsonb))
  FROM legacy_order o WHERE o.order_no = wanted
$$;

-- Change capture for the parallel run: every committed change to an order (header or items) puts
-- one `legacy.order.changed` event with the order's full snapshot into outbox_event, which the
-- legacy service's relay publishes like every other domain's. Deferred to commit, so the snapshot
-- shows the transaction's final state and one transaction yields one event per order. A writer that
-- must not be captured (the history load, a copy written back from the orders domain) sets
-- shopstream.legacy_capture = 'off' for its transaction. changeSeq orders the changes of an order.
-- (The function body is an E'' string with \x3B for semicolons: Prisma's runner splits scripts at them.)
CREATE SEQUENCE "legacy_order_change_seq";

CREATE FUNCTION "legacy_order_capture"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  changed_no integer := CASE WHEN TG_OP = ''DELETE'' THEN OLD.order_no ELSE NEW.order_no END\x3B
  marker text := ''shopstream.legacy_captured_'' || changed_no\x3B
  snapshot jsonb := legacy_order_snapshot(changed_no)\x3B
  event_id uuid := gen_random_uuid()\x3B
BEGIN
  -- The monolith never deletes orders, and an item deleted with its order leaves nothing to capture.
  IF snapshot IS NULL OR current_setting(''shopstream.legacy_capture'', true) = ''off''
     OR current_setting(marker, true) = ''1'' THEN
    RETURN NULL\x3B
  END IF\x3B
  PERFORM set_config(marker, ''1'', true)\x3B
  snapshot := snapshot || jsonb_build_object(''changeSeq'', nextval(''legacy_order_change_seq''))\x3B
  INSERT INTO outbox_event (event_id, topic, key, type, payload)
  VALUES (event_id, ''legacy.orders'', changed_no::text, ''legacy.order.changed'', jsonb_build_object(
    ''id'', event_id, ''type'', ''legacy.order.changed'', ''version'', 1, ''source'', ''legacy'',
    ''subject'', changed_no::text,
    ''time'', to_char(clock_timestamp() AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''), ''data'', snapshot))\x3B
  PERFORM pg_notify(''outbox_event'', '''')\x3B
  RETURN NULL\x3B
END';

CREATE CONSTRAINT TRIGGER "legacy_order_captured" AFTER INSERT OR UPDATE ON "legacy_order"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "legacy_order_capture"();
CREATE CONSTRAINT TRIGGER "legacy_order_item_captured" AFTER INSERT OR UPDATE OR DELETE ON "legacy_order_item"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "legacy_order_capture"();
