SELECT
  *
FROM (
  SELECT
    "t2"."year",
    SUM(CASE WHEN "t2"."k_window" THEN "t2"."n" ELSE 0 END) AS "deals_ytd",
    SUM("t2"."n") AS "deals_full_year",
    SUM(
      CASE
        WHEN "t2"."k_window"
        THEN CASE WHEN "t2"."k_both" THEN "t2"."lh" ELSE "t2"."value" + "t2"."value" END
        ELSE CAST(NULL AS DECIMAL(38, 18))
      END
    ) AS "amount_mid_ytd__x2",
    SUM(CASE WHEN "t2"."k_both" THEN "t2"."lh" ELSE "t2"."value" + "t2"."value" END) AS "amount_mid_full_year__x2"
  FROM (
    SELECT
      EXTRACT(year FROM "t1"."deal_date") AS "year",
      COALESCE(
        (
          EXTRACT(month FROM "t1"."deal_date") < 7
        )
        OR (
          (
            EXTRACT(month FROM "t1"."deal_date") = 7
          )
          AND (
            EXTRACT(day FROM "t1"."deal_date") <= 31
          )
        ),
        FALSE
      ) AS "k_window",
      (
        "t1"."fx_low" IS NOT NULL
      ) AND (
        "t1"."fx_high" IS NOT NULL
      ) AS "k_both",
      COUNT(*) AS "n",
      SUM("t1"."fx_low" + "t1"."fx_high") AS "lh",
      SUM("t1"."fx_value") AS "value"
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
        CAST(1.000000000000 AS DECIMAL(38, 12)) AS "fx_rate",
        CAST(NULL AS DATE) AS "fx_fixed_on",
        "t0"."amount_value" AS "fx_value",
        "t0"."amount_low" AS "fx_low",
        "t0"."amount_high" AS "fx_high"
      FROM "deals" AS "t0"
      WHERE
        NOT (
          COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
        )
    ) AS "t1"
    GROUP BY
      1,
      2,
      3
  ) AS "t2"
  GROUP BY
    1
) AS "t3"
WHERE
  "t3"."year" IS NOT NULL
