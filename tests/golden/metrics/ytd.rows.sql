SELECT
  *
FROM (
  SELECT
    "t3"."year",
    SUM(CASE WHEN "t3"."k_window" THEN "t3"."n" ELSE 0 END) AS "deals_ytd",
    SUM("t3"."n") AS "deals_full_year",
    SUM(
      CASE
        WHEN "t3"."k_window"
        THEN CASE WHEN "t3"."k_both" THEN "t3"."lh" ELSE "t3"."value" + "t3"."value" END
        ELSE CAST(NULL AS DECIMAL(38, 18))
      END
    ) AS "amount_mid_ytd__x2",
    SUM(CASE WHEN "t3"."k_both" THEN "t3"."lh" ELSE "t3"."value" + "t3"."value" END) AS "amount_mid_full_year__x2"
  FROM (
    SELECT
      "t2"."k_both",
      "t2"."fx_day",
      "t2"."n",
      "t2"."lh",
      "t2"."value",
      "t2"."n_lh",
      "t2"."n_value",
      TRUE AS "fx_known",
      EXTRACT(year FROM "t2"."fx_day") AS "year",
      COALESCE(
        (
          EXTRACT(month FROM "t2"."fx_day") < 7
        )
        OR (
          (
            EXTRACT(month FROM "t2"."fx_day") = 7
          )
          AND (
            EXTRACT(day FROM "t2"."fx_day") <= 31
          )
        ),
        FALSE
      ) AS "k_window"
    FROM (
      SELECT
        (
          "t1"."amount_low" IS NOT NULL
        ) AND (
          "t1"."amount_high" IS NOT NULL
        ) AS "k_both",
        "t1"."deal_date" AS "fx_day",
        COUNT(*) AS "n",
        SUM("t1"."amount_low" + "t1"."amount_high") AS "lh",
        SUM("t1"."amount_value") AS "value",
        COUNT("t1"."amount_low" + "t1"."amount_high") AS "n_lh",
        COUNT("t1"."amount_value") AS "n_value"
      FROM (
        SELECT
          *
        FROM "deals" AS "t0"
        WHERE
          NOT (
            COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
          )
      ) AS "t1"
      GROUP BY
        1,
        2
    ) AS "t2"
  ) AS "t3"
  GROUP BY
    1
) AS "t4"
WHERE
  "t4"."year" IS NOT NULL
