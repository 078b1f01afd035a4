SELECT
  EXTRACT(year FROM "t0"."founded") AS "founded_year",
  "t0"."sector",
  COUNT(*) AS "companies"
FROM "companies" AS "t0"
GROUP BY
  1,
  2
