SELECT
  EXTRACT(year FROM "t0"."deal_date") AS "year",
  COUNT(*) AS "deals",
  COUNT(*) FILTER(WHERE
    "t0"."disclosed") AS "disclosed",
  COUNT(*) FILTER(WHERE
    "t0"."amount_kind" = 'undisclosed') AS "undisclosed",
  COUNT(*) FILTER(WHERE
    "t0"."amount_kind" = 'unparsed') AS "unparsed",
  SUM(
    CASE
      WHEN "t0"."amount_qualifier" = 'exact'
      THEN "t0"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END
  ) AS "amount_exact",
  COUNT(
    CASE
      WHEN "t0"."amount_qualifier" = 'exact'
      THEN "t0"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END
  ) AS "n_exact",
  SUM(COALESCE("t0"."cny_low", "t0"."cny_value")) AS "amount_low",
  COUNT(COALESCE("t0"."cny_low", "t0"."cny_value")) AS "n_low",
  SUM(COALESCE("t0"."cny_high", "t0"."cny_value")) AS "amount_high",
  COUNT(COALESCE("t0"."cny_high", "t0"."cny_value")) AS "n_high",
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
  ) AS "amount_mid",
  COUNT(
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
  ) AS "n_mid"
FROM "deals" AS "t0"
GROUP BY
  1
