SELECT
  "t6"."founded_year",
  "t6"."sector",
  COUNT(*) FILTER(WHERE
    "t6"."deal_company" IS NULL) AS "unfunded",
  COUNT("t6"."deal_company") AS "deals",
  SUM("t6"."fx_mid_x2") AS "amount_mid__x2"
FROM (
  SELECT
    "t3"."cohort_company",
    "t3"."founded_year",
    "t3"."sector",
    "t5"."fx_exact",
    "t5"."fx_lo",
    "t5"."fx_hi",
    "t5"."fx_mid_x2",
    "t5"."deal_company"
  FROM (
    SELECT
      "t0"."company_key" AS "cohort_company",
      EXTRACT(year FROM "t0"."founded") AS "founded_year",
      "t0"."sector"
    FROM "companies" AS "t0"
  ) AS "t3"
  LEFT OUTER JOIN (
    SELECT
      CASE
        WHEN "t1"."amount_qualifier" = 'exact'
        THEN "t1"."amount_value"
        ELSE CAST(NULL AS DECIMAL(38, 6))
      END AS "fx_exact",
      CASE
        WHEN "t1"."amount_low" IS NOT NULL
        THEN "t1"."amount_low"
        ELSE "t1"."amount_value"
      END AS "fx_lo",
      CASE
        WHEN "t1"."amount_high" IS NOT NULL
        THEN "t1"."amount_high"
        ELSE "t1"."amount_value"
      END AS "fx_hi",
      "t1"."amount_mid_x2" AS "fx_mid_x2",
      "t1"."company_key" AS "deal_company"
    FROM "deals" AS "t1"
  ) AS "t5"
    ON "t3"."cohort_company" = "t5"."deal_company"
) AS "t6"
GROUP BY
  1,
  2
