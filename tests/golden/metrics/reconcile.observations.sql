SELECT
  "t0"."obs_id",
  "t0"."metric",
  "t0"."value",
  "t0"."low",
  "t0"."high",
  "t0"."unit",
  "t0"."currency",
  "t0"."period_start",
  "t0"."period_end",
  "t0"."geography",
  "t0"."segment",
  "t0"."status",
  "t0"."source_id",
  "t0"."locator",
  "t0"."note"
FROM "observations" AS "t0"
WHERE
  "t0"."period_start" = MAKE_DATE(2014, 1, 1)
  AND "t0"."period_end" = MAKE_DATE(2018, 12, 31)
  AND "t0"."currency" IS NOT NULL
