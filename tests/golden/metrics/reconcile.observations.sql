SELECT
  "t5"."obs_id",
  "t5"."metric",
  "t5"."value",
  "t5"."low",
  "t5"."high",
  "t5"."unit",
  "t5"."currency",
  "t5"."period_start",
  "t5"."period_end",
  "t5"."geography",
  "t5"."segment",
  "t5"."status",
  "t5"."source_id",
  "t5"."locator",
  "t5"."note",
  "t5"."cites",
  "t4"."as_of"
FROM (
  SELECT
    *
  FROM "observations" AS "t0"
  WHERE
    "t0"."period_start" = MAKE_DATE(2014, 1, 1)
    AND "t0"."period_end" = MAKE_DATE(2018, 12, 31)
    AND "t0"."currency" IS NOT NULL
) AS "t5"
LEFT OUTER JOIN (
  SELECT
    "t1"."source_id" AS "src_id",
    "t1"."published" AS "as_of"
  FROM "sources" AS "t1"
) AS "t4"
  ON "t5"."source_id" = "t4"."src_id"
