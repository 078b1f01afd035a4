SELECT
  EXTRACT(year FROM "t0"."founded") AS "founded_year",
  "t0"."sector",
  COUNT(*) AS "companies",
  COUNT(*) FILTER(WHERE
    "t0"."company_id" IN (
      SELECT
        "t1"."company_id"
      FROM "deals" AS "t1"
    )) AS "funded"
FROM "companies" AS "t0"
GROUP BY
  1,
  2
