SELECT
  "t16"."founded_year",
  "t16"."sector",
  COUNT(*) FILTER(WHERE
    "t16"."deal_company" IS NULL) AS "unfunded",
  COUNT("t16"."deal_company") AS "deals",
  SUM(
    CASE
      WHEN (
        "t16"."fx_low" IS NOT NULL
      ) AND (
        "t16"."fx_high" IS NOT NULL
      )
      THEN "t16"."fx_low" + "t16"."fx_high"
      ELSE "t16"."fx_value" + "t16"."fx_value"
    END
  ) AS "amount_mid__x2"
FROM (
  SELECT
    "t7"."cohort_company",
    "t7"."founded_year",
    "t7"."sector",
    "t15"."amount_qualifier",
    "t15"."fx_value",
    "t15"."fx_low",
    "t15"."fx_high",
    "t15"."deal_company"
  FROM (
    SELECT
      "t0"."company_key" AS "cohort_company",
      EXTRACT(year FROM "t0"."founded") AS "founded_year",
      "t0"."sector"
    FROM "companies" AS "t0"
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t13"."amount_qualifier",
      "t13"."amount_value" * CASE
        WHEN "t13"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t13"."fx_rate"
      END AS "fx_value",
      "t13"."amount_low" * CASE
        WHEN "t13"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t13"."fx_rate"
      END AS "fx_low",
      "t13"."amount_high" * CASE
        WHEN "t13"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t13"."fx_rate"
      END AS "fx_high",
      "t13"."company_key" AS "deal_company"
    FROM (
      SELECT
        "t3"."deal_id",
        "t3"."load_id",
        "t3"."row_ref",
        "t3"."source_format",
        "t3"."company_id",
        "t3"."company_name",
        "t3"."deal_date",
        "t3"."date_raw",
        "t3"."round_raw",
        "t3"."round",
        "t3"."amount_raw",
        "t3"."amount_kind",
        "t3"."amount_value",
        "t3"."amount_low",
        "t3"."amount_high",
        "t3"."amount_qualifier",
        "t3"."currency",
        "t3"."disclosed",
        "t3"."amount_note",
        "t3"."place_raw",
        "t3"."country",
        "t3"."region",
        "t3"."province",
        "t3"."city",
        "t3"."district",
        "t3"."cluster",
        "t3"."sector_raw",
        "t3"."subsector_raw",
        "t3"."sector",
        "t3"."chain_layer",
        "t3"."investors",
        "t3"."flags",
        "t3"."company_key",
        "t12"."fx_currency",
        "t12"."fx_day",
        "t12"."fx_rate",
        "t12"."fx_fixed_on"
      FROM "deals" AS "t3"
      LEFT OUTER JOIN (
        SELECT
          "t10"."currency" AS "fx_currency",
          "t10"."day" AS "fx_day",
          CAST("t8"."q_per_eur" * "t10"."eur_per" AS DECIMAL(38, 12)) AS "fx_rate",
          LEAST("t10"."fixed_on", "t8"."q_fixed") AS "fx_fixed_on"
        FROM (
          SELECT
            *
          FROM "fx_rates" AS "t2"
          WHERE
            "t2"."currency" IN (
              SELECT DISTINCT
                "t1"."currency"
              FROM "deals" AS "t1"
              WHERE
                "t1"."currency" <> 'EUR'
            )
        ) AS "t10"
        INNER JOIN (
          SELECT
            "t2"."day" AS "q_day",
            "t2"."per_eur" AS "q_per_eur",
            "t2"."fixed_on" AS "q_fixed"
          FROM "fx_rates" AS "t2"
          WHERE
            "t2"."currency" = 'EUR'
        ) AS "t8"
          ON "t10"."day" = "t8"."q_day"
      ) AS "t12"
        ON "t3"."currency" = "t12"."fx_currency" AND "t3"."deal_date" = "t12"."fx_day"
    ) AS "t13"
  ) AS "t15"
    ON "t7"."cohort_company" = "t15"."deal_company"
) AS "t16"
GROUP BY
  1,
  2
