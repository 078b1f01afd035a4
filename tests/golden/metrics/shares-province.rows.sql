SELECT
  "t1"."province",
  COUNT(*) AS "deals",
  SUM("t1"."fx_mid_x2") AS "amount_mid__x2",
  COUNT("t1"."fx_mid_x2") AS "n_mid"
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
) AS "t1"
GROUP BY
  1
