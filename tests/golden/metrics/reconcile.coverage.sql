SELECT
  "t1"."source_format",
  COUNT(*) AS "deals",
  COUNT(DISTINCT "t1"."company_id") AS "companies",
  COUNT(*) FILTER(WHERE
    "t1"."disclosed") AS "disclosed"
FROM (
  SELECT
    *
  FROM "deals" AS "t0"
  WHERE
    NOT (
      COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
    )
    AND "t0"."deal_date" >= MAKE_DATE(2014, 1, 1)
    AND "t0"."deal_date" <= MAKE_DATE(2018, 12, 31)
) AS "t1"
GROUP BY
  1
