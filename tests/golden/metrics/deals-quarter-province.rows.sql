SELECT
  "t13"."year",
  "t13"."quarter",
  "t13"."province",
  SUM("t13"."n") AS "deals",
  SUM(CASE WHEN "t13"."k_disclosed" THEN "t13"."n" ELSE 0 END) AS "disclosed",
  SUM(CASE WHEN "t13"."k_kind" = 'undisclosed' THEN "t13"."n" ELSE 0 END) AS "undisclosed",
  SUM(CASE WHEN "t13"."k_kind" = 'unparsed' THEN "t13"."n" ELSE 0 END) AS "unparsed",
  SUM("t13"."value") FILTER(WHERE
    "t13"."k_exact") AS "amount_exact",
  SUM(CASE WHEN "t13"."k_exact" THEN "t13"."n_value" ELSE 0 END) AS "n_exact",
  SUM(CASE WHEN "t13"."k_low" THEN "t13"."low" ELSE "t13"."value" END) AS "amount_low",
  SUM(CASE WHEN "t13"."k_low" THEN "t13"."n" ELSE "t13"."n_value" END) AS "n_low",
  SUM(CASE WHEN "t13"."k_high" THEN "t13"."high" ELSE "t13"."value" END) AS "amount_high",
  SUM(CASE WHEN "t13"."k_high" THEN "t13"."n" ELSE "t13"."n_value" END) AS "n_high",
  SUM(
    CASE
      WHEN "t13"."k_low" AND "t13"."k_high"
      THEN "t13"."low" + "t13"."high"
      ELSE "t13"."value" + "t13"."value"
    END
  ) AS "amount_mid__x2",
  SUM(
    CASE WHEN "t13"."k_low" AND "t13"."k_high" THEN "t13"."n" ELSE "t13"."n_value" END
  ) AS "n_mid"
FROM (
  SELECT
    EXTRACT(year FROM "t12"."deal_date") AS "year",
    EXTRACT(quarter FROM "t12"."deal_date") AS "quarter",
    "t12"."province",
    "t12"."amount_kind" AS "k_kind",
    "t12"."disclosed" AS "k_disclosed",
    COALESCE("t12"."amount_qualifier" = 'exact', FALSE) AS "k_exact",
    "t12"."fx_low" IS NOT NULL AS "k_low",
    "t12"."fx_high" IS NOT NULL AS "k_high",
    COUNT(*) AS "n",
    COUNT("t12"."fx_value") AS "n_value",
    SUM("t12"."fx_value") AS "value",
    SUM("t12"."fx_low") AS "low",
    SUM("t12"."fx_high") AS "high"
  FROM (
    SELECT
      "t11"."deal_id",
      "t11"."load_id",
      "t11"."row_ref",
      "t11"."source_format",
      "t11"."company_id",
      "t11"."company_name",
      "t11"."deal_date",
      "t11"."date_raw",
      "t11"."round_raw",
      "t11"."round",
      "t11"."amount_raw",
      "t11"."amount_kind",
      "t11"."amount_value",
      "t11"."amount_low",
      "t11"."amount_high",
      "t11"."amount_qualifier",
      "t11"."currency",
      "t11"."disclosed",
      "t11"."amount_note",
      "t11"."place_raw",
      "t11"."country",
      "t11"."region",
      "t11"."province",
      "t11"."city",
      "t11"."district",
      "t11"."cluster",
      "t11"."sector_raw",
      "t11"."subsector_raw",
      "t11"."sector",
      "t11"."chain_layer",
      "t11"."investors",
      "t11"."flags",
      "t11"."company_key",
      "t11"."fx_currency",
      "t11"."fx_day",
      CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_rate",
      "t11"."fx_fixed_on",
      "t11"."amount_value" * CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_value",
      "t11"."amount_low" * CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_low",
      "t11"."amount_high" * CASE
        WHEN "t11"."currency" = 'EUR'
        THEN CAST(1.000000000000 AS DECIMAL(38, 12))
        ELSE "t11"."fx_rate"
      END AS "fx_high"
    FROM (
      SELECT
        "t6"."deal_id",
        "t6"."load_id",
        "t6"."row_ref",
        "t6"."source_format",
        "t6"."company_id",
        "t6"."company_name",
        "t6"."deal_date",
        "t6"."date_raw",
        "t6"."round_raw",
        "t6"."round",
        "t6"."amount_raw",
        "t6"."amount_kind",
        "t6"."amount_value",
        "t6"."amount_low",
        "t6"."amount_high",
        "t6"."amount_qualifier",
        "t6"."currency",
        "t6"."disclosed",
        "t6"."amount_note",
        "t6"."place_raw",
        "t6"."country",
        "t6"."region",
        "t6"."province",
        "t6"."city",
        "t6"."district",
        "t6"."cluster",
        "t6"."sector_raw",
        "t6"."subsector_raw",
        "t6"."sector",
        "t6"."chain_layer",
        "t6"."investors",
        "t6"."flags",
        "t6"."company_key",
        "t10"."fx_currency",
        "t10"."fx_day",
        "t10"."fx_rate",
        "t10"."fx_fixed_on"
      FROM (
        SELECT
          *
        FROM "deals" AS "t0"
        WHERE
          NOT (
            COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
          )
          AND EXTRACT(year FROM "t0"."deal_date") >= 2014
          AND "t0"."round" IN ('a', 'b')
      ) AS "t6"
      LEFT OUTER JOIN (
        SELECT
          "t8"."currency" AS "fx_currency",
          "t8"."day" AS "fx_day",
          CAST("t3"."q_per_eur" * "t8"."eur_per" AS DECIMAL(38, 12)) AS "fx_rate",
          LEAST("t8"."fixed_on", "t3"."q_fixed") AS "fx_fixed_on"
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
                NOT (
                  COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
                )
                AND EXTRACT(year FROM "t0"."deal_date") >= 2014
                AND "t0"."round" IN ('a', 'b')
                AND "t0"."currency" <> 'EUR'
            )
        ) AS "t8"
        INNER JOIN (
          SELECT
            "t1"."day" AS "q_day",
            "t1"."per_eur" AS "q_per_eur",
            "t1"."fixed_on" AS "q_fixed"
          FROM "fx_rates" AS "t1"
          WHERE
            "t1"."currency" = 'EUR'
        ) AS "t3"
          ON "t8"."day" = "t3"."q_day"
      ) AS "t10"
        ON "t6"."currency" = "t10"."fx_currency" AND "t6"."deal_date" = "t10"."fx_day"
    ) AS "t11"
  ) AS "t12"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8
) AS "t13"
GROUP BY
  1,
  2,
  3
