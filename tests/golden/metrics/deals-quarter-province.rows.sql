SELECT
  "t2"."year",
  "t2"."quarter",
  "t2"."province",
  SUM("t2"."n") AS "deals",
  SUM(CASE WHEN "t2"."k_disclosed" THEN "t2"."n" ELSE 0 END) AS "disclosed",
  SUM(CASE WHEN "t2"."k_kind" = 'undisclosed' THEN "t2"."n" ELSE 0 END) AS "undisclosed",
  SUM(CASE WHEN "t2"."k_kind" = 'unparsed' THEN "t2"."n" ELSE 0 END) AS "unparsed",
  SUM("t2"."value") FILTER(WHERE
    "t2"."k_exact") AS "amount_exact",
  SUM(CASE WHEN "t2"."k_exact" THEN "t2"."n_value" ELSE 0 END) AS "n_exact",
  SUM(CASE WHEN "t2"."k_low" THEN "t2"."low" ELSE "t2"."value" END) AS "amount_low",
  SUM(CASE WHEN "t2"."k_low" THEN "t2"."n" ELSE "t2"."n_value" END) AS "n_low",
  SUM(CASE WHEN "t2"."k_high" THEN "t2"."high" ELSE "t2"."value" END) AS "amount_high",
  SUM(CASE WHEN "t2"."k_high" THEN "t2"."n" ELSE "t2"."n_value" END) AS "n_high",
  SUM(
    CASE
      WHEN "t2"."k_low" AND "t2"."k_high"
      THEN "t2"."low" + "t2"."high"
      ELSE "t2"."value" + "t2"."value"
    END
  ) AS "amount_mid__x2",
  SUM(CASE WHEN "t2"."k_low" AND "t2"."k_high" THEN "t2"."n" ELSE "t2"."n_value" END) AS "n_mid"
FROM (
  SELECT
    EXTRACT(year FROM "t1"."deal_date") AS "year",
    EXTRACT(quarter FROM "t1"."deal_date") AS "quarter",
    "t1"."province",
    "t1"."amount_kind" AS "k_kind",
    "t1"."disclosed" AS "k_disclosed",
    COALESCE("t1"."amount_qualifier" = 'exact', FALSE) AS "k_exact",
    "t1"."fx_low" IS NOT NULL AS "k_low",
    "t1"."fx_high" IS NOT NULL AS "k_high",
    COUNT(*) AS "n",
    COUNT("t1"."fx_value") AS "n_value",
    SUM("t1"."fx_value") AS "value",
    SUM("t1"."fx_low") AS "low",
    SUM("t1"."fx_high") AS "high"
  FROM (
    SELECT
      "t0"."deal_id",
      "t0"."load_id",
      "t0"."row_ref",
      "t0"."source_format",
      "t0"."company_id",
      "t0"."company_name",
      "t0"."deal_date",
      "t0"."date_raw",
      "t0"."round_raw",
      "t0"."round",
      "t0"."amount_raw",
      "t0"."amount_kind",
      "t0"."amount_value",
      "t0"."amount_low",
      "t0"."amount_high",
      "t0"."amount_qualifier",
      "t0"."currency",
      "t0"."disclosed",
      "t0"."amount_note",
      "t0"."place_raw",
      "t0"."country",
      "t0"."region",
      "t0"."province",
      "t0"."city",
      "t0"."district",
      "t0"."cluster",
      "t0"."sector_raw",
      "t0"."subsector_raw",
      "t0"."sector",
      "t0"."chain_layer",
      "t0"."investors",
      "t0"."flags",
      "t0"."company_key",
      "t0"."amount_mid_x2",
      CAST(1.000000000000 AS DECIMAL(38, 12)) AS "fx_rate",
      CAST(NULL AS DATE) AS "fx_fixed_on",
      "t0"."amount_value" AS "fx_value",
      "t0"."amount_low" AS "fx_low",
      "t0"."amount_high" AS "fx_high",
      CASE
        WHEN "t0"."amount_qualifier" = 'exact'
        THEN "t0"."amount_value"
        ELSE CAST(NULL AS DECIMAL(38, 6))
      END AS "fx_exact",
      CASE
        WHEN "t0"."amount_low" IS NOT NULL
        THEN "t0"."amount_low"
        ELSE "t0"."amount_value"
      END AS "fx_lo",
      CASE
        WHEN "t0"."amount_high" IS NOT NULL
        THEN "t0"."amount_high"
        ELSE "t0"."amount_value"
      END AS "fx_hi",
      "t0"."amount_mid_x2" AS "fx_mid_x2"
    FROM "deals" AS "t0"
    WHERE
      NOT (
        COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
      )
      AND EXTRACT(year FROM "t0"."deal_date") >= 2014
      AND "t0"."round" IN ('a', 'b')
  ) AS "t1"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8
) AS "t2"
GROUP BY
  1,
  2,
  3
