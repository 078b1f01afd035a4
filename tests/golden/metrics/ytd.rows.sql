SELECT
  *
FROM (
  SELECT
    EXTRACT(year FROM "t0"."deal_date") AS "year",
    COUNT(*) FILTER(WHERE
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
      )) AS "deals_ytd",
    SUM(
      CASE
        WHEN (
          "t0"."cny_low" IS NOT NULL
        ) AND (
          "t0"."cny_high" IS NOT NULL
        )
        THEN CAST((
          "t0"."cny_low" + "t0"."cny_high"
        ) * CAST(0.5 AS DECIMAL(18, 3)) AS DECIMAL(38, 6))
        ELSE "t0"."cny_value"
      END
    ) FILTER(WHERE
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
      )) AS "amount_mid_ytd",
    COUNT(*) AS "deals_full_year",
    SUM(
      CASE
        WHEN (
          "t0"."cny_low" IS NOT NULL
        ) AND (
          "t0"."cny_high" IS NOT NULL
        )
        THEN CAST((
          "t0"."cny_low" + "t0"."cny_high"
        ) * CAST(0.5 AS DECIMAL(18, 3)) AS DECIMAL(38, 6))
        ELSE "t0"."cny_value"
      END
    ) AS "amount_mid_full_year"
  FROM "deals" AS "t0"
  GROUP BY
    1
) AS "t1"
WHERE
  "t1"."year" IS NOT NULL
