SELECT
  EXTRACT(year FROM "t0"."deal_date") AS "year",
  COUNT(*) AS "deals",
  COUNT(*) FILTER(WHERE
    "t0"."amount_kind" = 'undisclosed') AS "undisclosed",
  COUNT(*) FILTER(WHERE
    "t0"."amount_kind" = 'unparsed') AS "unparsed",
  COUNT(
    CASE
      WHEN "t0"."amount_qualifier" = 'exact'
      THEN "t0"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END
  ) AS "exact_n",
  SUM(
    CASE
      WHEN "t0"."amount_qualifier" = 'exact'
      THEN "t0"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END
  ) AS "exact_sum",
  QUANTILE_CONT(
    CASE
      WHEN "t0"."amount_qualifier" = 'exact'
      THEN "t0"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END,
    0.5
  ) AS "exact_median",
  COUNT(
    CASE WHEN "t0"."cny_low" IS NOT NULL THEN "t0"."cny_low" ELSE "t0"."cny_value" END
  ) AS "low_n",
  SUM(
    CASE WHEN "t0"."cny_low" IS NOT NULL THEN "t0"."cny_low" ELSE "t0"."cny_value" END
  ) AS "low_sum",
  QUANTILE_CONT(
    CASE WHEN "t0"."cny_low" IS NOT NULL THEN "t0"."cny_low" ELSE "t0"."cny_value" END,
    0.5
  ) AS "low_median",
  COUNT(
    CASE WHEN "t0"."cny_high" IS NOT NULL THEN "t0"."cny_high" ELSE "t0"."cny_value" END
  ) AS "high_n",
  SUM(
    CASE WHEN "t0"."cny_high" IS NOT NULL THEN "t0"."cny_high" ELSE "t0"."cny_value" END
  ) AS "high_sum",
  QUANTILE_CONT(
    CASE WHEN "t0"."cny_high" IS NOT NULL THEN "t0"."cny_high" ELSE "t0"."cny_value" END,
    0.5
  ) AS "high_median",
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
  ) AS "mid_n",
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
  ) AS "mid_sum__x2",
  QUANTILE_CONT(
    CASE
      WHEN (
        "t0"."cny_low" IS NOT NULL
      ) AND (
        "t0"."cny_high" IS NOT NULL
      )
      THEN "t0"."cny_low" + "t0"."cny_high"
      ELSE "t0"."cny_value" + "t0"."cny_value"
    END,
    0.5
  ) AS "mid_median_x2"
FROM "deals" AS "t0"
GROUP BY
  1
