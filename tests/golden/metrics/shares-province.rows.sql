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
      THEN "t0"."usd_low" + "t0"."usd_high"
      ELSE "t0"."usd_value" + "t0"."usd_value"
    END
  ) AS "amount_mid__x2",
  COUNT(
    CASE
      WHEN (
        "t0"."usd_low" IS NOT NULL
      ) AND (
        "t0"."usd_high" IS NOT NULL
      )
      THEN "t0"."usd_low" + "t0"."usd_high"
      ELSE "t0"."usd_value" + "t0"."usd_value"
    END
  ) AS "n_mid"
FROM "deals" AS "t0"
GROUP BY
  1
