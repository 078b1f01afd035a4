SELECT
  *
FROM (
  SELECT
    "t1"."year",
    SUM(CASE WHEN "t1"."k_window" THEN "t1"."n" ELSE 0 END) AS "deals_ytd",
    SUM("t1"."n") AS "deals_full_year",
    SUM(
      CASE
        WHEN "t1"."k_window"
        THEN CASE WHEN "t1"."k_both" THEN "t1"."lh" ELSE "t1"."value" + "t1"."value" END
        ELSE CAST(NULL AS DECIMAL(38, 6))
      END
    ) AS "amount_mid_ytd__x2",
    SUM(CASE WHEN "t1"."k_both" THEN "t1"."lh" ELSE "t1"."value" + "t1"."value" END) AS "amount_mid_full_year__x2"
  FROM (
    SELECT
      EXTRACT(year FROM "t0"."deal_date") AS "year",
      COALESCE(
        (
          EXTRACT(month FROM "t0"."deal_date") < 7
        )
        OR (
          (
            EXTRACT(month FROM "t0"."deal_date") = 7
          )
          AND (
            EXTRACT(day FROM "t0"."deal_date") <= 31
          )
        ),
        FALSE
      ) AS "k_window",
      (
        "t0"."cny_low" IS NOT NULL
      ) AND (
        "t0"."cny_high" IS NOT NULL
      ) AS "k_both",
      COUNT(*) AS "n",
      SUM("t0"."cny_low" + "t0"."cny_high") AS "lh",
      SUM("t0"."cny_value") AS "value"
    FROM "deals" AS "t0"
    GROUP BY
      1,
      2,
      3
  ) AS "t1"
  GROUP BY
    1
) AS "t2"
WHERE
  "t2"."year" IS NOT NULL
