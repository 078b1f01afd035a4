SELECT
  EXTRACT(year FROM "t0"."deal_date") AS "year",
  "t0"."round",
  COUNT(*) AS "deals",
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
  ) AS "amount_mid"
FROM "deals" AS "t0"
GROUP BY
  1,
  2
