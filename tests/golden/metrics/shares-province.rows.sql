SELECT
  "t0"."province",
  COUNT(*) AS "deals",
  SUM(
    CASE
      WHEN (
        "t0"."usd_low" IS NOT NULL
      ) AND (
        "t0"."usd_high" IS NOT NULL
      )
      THEN CAST((
        "t0"."usd_low" + "t0"."usd_high"
      ) * CAST(0.5 AS DECIMAL(18, 3)) AS DECIMAL(38, 6))
      ELSE "t0"."usd_value"
    END
  ) AS "amount_mid",
  COUNT(
    CASE
      WHEN (
        "t0"."usd_low" IS NOT NULL
      ) AND (
        "t0"."usd_high" IS NOT NULL
      )
      THEN CAST((
        "t0"."usd_low" + "t0"."usd_high"
      ) * CAST(0.5 AS DECIMAL(18, 3)) AS DECIMAL(38, 6))
      ELSE "t0"."usd_value"
    END
  ) AS "n_mid"
FROM "deals" AS "t0"
GROUP BY
  1
