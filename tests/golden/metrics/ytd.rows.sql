SELECT
  *
FROM (
  SELECT
    "t3"."year",
    SUM(CASE WHEN "t3"."k_window" THEN "t3"."n" ELSE 0 END) AS "deals_ytd",
    SUM("t3"."n") AS "deals_full_year",
    SUM(CASE WHEN "t3"."k_window" THEN "t3"."x2" ELSE CAST(NULL AS DECIMAL(38, 18)) END) AS "amount_mid_ytd__x2",
    SUM("t3"."x2") AS "amount_mid_full_year__x2"
  FROM (
    SELECT
      "t2"."fx_day",
      "t2"."n",
      "t2"."x2",
      "t2"."n_x2",
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
        "t1"."deal_date" AS "fx_day",
        COUNT(*) AS "n",
        SUM("t1"."amount_mid_x2") AS "x2",
        COUNT("t1"."amount_mid_x2") AS "n_x2"
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
        1
    ) AS "t2"
  ) AS "t3"
  GROUP BY
    1
) AS "t4"
WHERE
  "t4"."year" IS NOT NULL
