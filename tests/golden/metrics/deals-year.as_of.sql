SELECT
  MAX("t0"."deal_date") AS "as_of"
FROM "deals" AS "t0"
