SELECT
  "t12"."year",
  SUM("t12"."n") AS "deals",
  SUM(CASE WHEN "t12"."k_disclosed" THEN "t12"."n" ELSE 0 END) AS "disclosed",
  SUM(CASE WHEN "t12"."k_kind" = 'undisclosed' THEN "t12"."n" ELSE 0 END) AS "undisclosed",
  SUM(CASE WHEN "t12"."k_kind" = 'unparsed' THEN "t12"."n" ELSE 0 END) AS "unparsed",
  SUM("t12"."value") FILTER(WHERE
    "t12"."k_exact") AS "amount_exact",
  SUM(CASE WHEN "t12"."k_exact" THEN "t12"."n_value" ELSE 0 END) AS "n_exact",
  SUM(CASE WHEN "t12"."k_low" THEN "t12"."low" ELSE "t12"."value" END) AS "amount_low",
  SUM(CASE WHEN "t12"."k_low" THEN "t12"."n" ELSE "t12"."n_value" END) AS "n_low",
  SUM(CASE WHEN "t12"."k_high" THEN "t12"."high" ELSE "t12"."value" END) AS "amount_high",
  SUM(CASE WHEN "t12"."k_high" THEN "t12"."n" ELSE "t12"."n_value" END) AS "n_high",
  SUM(
    CASE
      WHEN "t12"."k_low" AND "t12"."k_high"
      THEN "t12"."low" + "t12"."high"
      ELSE "t12"."value" + "t12"."value"
    END
  ) AS "amount_mid__x2",
  SUM(
    CASE WHEN "t12"."k_low" AND "t12"."k_high" THEN "t12"."n" ELSE "t12"."n_value" END
  ) AS "n_mid"
FROM (
  SELECT
    EXTRACT(year FROM "t11"."deal_date") AS "year",
    "t11"."amount_kind" AS "k_kind",
    "t11"."disclosed" AS "k_disclosed",
    COALESCE("t11"."amount_qualifier" = 'exact', FALSE) AS "k_exact",
    "t11"."fx_low" IS NOT NULL AS "k_low",
    "t11"."fx_high" IS NOT NULL AS "k_high",
    COUNT(*) AS "n",
    COUNT("t11"."fx_value") AS "n_value",
    SUM("t11"."fx_value") AS "value",
    SUM("t11"."fx_low") AS "low",
    SUM("t11"."fx_high") AS "high"
  FROM (
    SELECT
      "t10"."deal_id",
      "t10"."load_id",
      "t10"."row_ref",
      "t10"."source_format",
      "t10"."company_id",
      "t10"."company_name",
      "t10"."deal_date",
      "t10"."date_raw",
      "t10"."round_raw",
      "t10"."round",
      "t10"."amount_raw",
      "t10"."amount_kind",
      "t10"."amount_value",
      "t10"."amount_low",
      "t10"."amount_high",
      "t10"."amount_qualifier",
      "t10"."currency",
      "t10"."disclosed",
      "t10"."amount_note",
      "t10"."place_raw",
      "t10"."country",
      "t10"."region",
      "t10"."province",
      "t10"."city",
      "t10"."district",
      "t10"."cluster",
      "t10"."sector_raw",
      "t10"."subsector_raw",
      "t10"."sector",
      "t10"."chain_layer",
      "t10"."investors",
      "t10"."flags",
      "t10"."company_key",
      "t10"."fx_currency",
      "t10"."fx_day",
      CASE
        WHEN "t10"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t10"."fx_rate"
      END AS "fx_rate",
      "t10"."fx_fixed_on",
      "t10"."amount_value" * CASE
        WHEN "t10"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t10"."fx_rate"
      END AS "fx_value",
      "t10"."amount_low" * CASE
        WHEN "t10"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t10"."fx_rate"
      END AS "fx_low",
      "t10"."amount_high" * CASE
        WHEN "t10"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t10"."fx_rate"
      END AS "fx_high"
    FROM (
      SELECT
        "t2"."deal_id",
        "t2"."load_id",
        "t2"."row_ref",
        "t2"."source_format",
        "t2"."company_id",
        "t2"."company_name",
        "t2"."deal_date",
        "t2"."date_raw",
        "t2"."round_raw",
        "t2"."round",
        "t2"."amount_raw",
        "t2"."amount_kind",
        "t2"."amount_value",
        "t2"."amount_low",
        "t2"."amount_high",
        "t2"."amount_qualifier",
        "t2"."currency",
        "t2"."disclosed",
        "t2"."amount_note",
        "t2"."place_raw",
        "t2"."country",
        "t2"."region",
        "t2"."province",
        "t2"."city",
        "t2"."district",
        "t2"."cluster",
        "t2"."sector_raw",
        "t2"."subsector_raw",
        "t2"."sector",
        "t2"."chain_layer",
        "t2"."investors",
        "t2"."flags",
        "t2"."company_key",
        "t9"."fx_currency",
        "t9"."fx_day",
        "t9"."fx_rate",
        "t9"."fx_fixed_on"
      FROM "deals" AS "t2"
      LEFT OUTER JOIN (
        SELECT
          "t7"."currency" AS "fx_currency",
          "t7"."day" AS "fx_day",
          CAST("t5"."q_per_eur" * "t7"."eur_per" AS DECIMAL(38, 12)) AS "fx_rate",
          LEAST("t7"."fixed_on", "t5"."q_fixed") AS "fx_fixed_on"
        FROM (
          SELECT
            *
          FROM "fx_rates" AS "t1"
          WHERE
            "t1"."currency" IN (
              SELECT DISTINCT
                "t0"."currency"
              FROM "deals" AS "t0"
              WHERE
                "t0"."currency" <> 'EUR'
            )
        ) AS "t7"
        INNER JOIN (
          SELECT
            "t1"."day" AS "q_day",
            "t1"."per_eur" AS "q_per_eur",
            "t1"."fixed_on" AS "q_fixed"
          FROM "fx_rates" AS "t1"
          WHERE
            "t1"."currency" = 'EUR'
        ) AS "t5"
          ON "t7"."day" = "t5"."q_day"
      ) AS "t9"
        ON "t2"."currency" = "t9"."fx_currency" AND "t2"."deal_date" = "t9"."fx_day"
    ) AS "t10"
  ) AS "t11"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
) AS "t12"
GROUP BY
  1
