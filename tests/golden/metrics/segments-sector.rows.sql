SELECT
  "t0"."sector",
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
  ) AS "amount_mid__x2",
  COUNT(
    CASE
      WHEN (
        "t0"."cny_low" IS NOT NULL
      ) AND (
        "t0"."cny_high" IS NOT NULL
      )
      THEN "t0"."cny_low" + "t0"."cny_high"
      ELSE "t0"."cny_value" + "t0"."cny_value"
    END
  ) AS "n_mid",
  COALESCE(BIT_COUNT(BITSTRING_AGG("t0"."company_key")), 0) AS "companies"
FROM "deals" AS "t0"
GROUP BY
  1
