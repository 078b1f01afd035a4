SELECT
  *
FROM (
  SELECT
    "t1"."year",
    SUM(CASE WHEN "t1"."k_window" THEN "t1"."n" ELSE 0 END) AS "deals_ytd",
    SUM("t1"."n") AS "deals_full_year",
    SUM(
      CASE WHEN "t1"."k_window" THEN "t1"."mid__x2" ELSE CAST(NULL AS DECIMAL(38, 6)) END
    ) AS "amount_mid_ytd__x2",
    SUM("t1"."mid__x2") AS "amount_mid_full_year__x2"
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
      COUNT(*) AS "n",
      SUM(
        CASE
          WHEN (
            "t0"."cny_low" IS NOT NULL
          ) AND (
            "t0"."cny_high" IS NOT NULL
          )
          THEN "t0"."cny_low" + "t0"."cny_high"
          ELSE "t0"."cny_value" + "t0"."cny_value"
        END
      ) AS "mid__x2"
    FROM "deals" AS "t0"
    GROUP BY
      1,
      2
  ) AS "t1"
  GROUP BY
    1
) AS "t2"
WHERE
  "t2"."year" IS NOT NULL
