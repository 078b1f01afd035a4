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
      THEN "t0"."cny_low" + "t0"."cny_high"
      ELSE "t0"."cny_value" + "t0"."cny_value"
    END
  ) AS "amount_mid__x2"
FROM "deals" AS "t0"
GROUP BY
  1,
  2
