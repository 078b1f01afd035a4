SELECT
  "t6"."founded_year",
  "t6"."sector",
  COUNT(*) FILTER(WHERE
    "t6"."deal_company" IS NULL) AS "unfunded",
  COUNT("t6"."deal_company") AS "deals",
  SUM(
    CASE
      WHEN (
        "t6"."fx_low" IS NOT NULL
      ) AND (
        "t6"."fx_high" IS NOT NULL
      )
      THEN "t6"."fx_low" + "t6"."fx_high"
      ELSE "t6"."fx_value" + "t6"."fx_value"
    END
  ) AS "amount_mid__x2"
FROM (
  SELECT
    "t5"."cohort_company",
    "t5"."founded_year",
    "t5"."sector",
    "t4"."amount_qualifier",
    "t4"."fx_value",
    "t4"."fx_low",
    "t4"."fx_high",
    "t4"."deal_company"
  FROM (
    SELECT
      "t0"."company_key" AS "cohort_company",
      EXTRACT(year FROM "t0"."founded") AS "founded_year",
      "t0"."sector"
    FROM "companies" AS "t0"
  ) AS "t5"
  LEFT OUTER JOIN (
    SELECT
      "t1"."amount_qualifier",
      "t1"."amount_value" AS "fx_value",
      "t1"."amount_low" AS "fx_low",
      "t1"."amount_high" AS "fx_high",
      "t1"."company_key" AS "deal_company"
    FROM "deals" AS "t1"
  ) AS "t4"
    ON "t5"."cohort_company" = "t4"."deal_company"
) AS "t6"
GROUP BY
  1,
  2
