SELECT
  "t1"."source_format",
  "t1"."currency",
  COUNT(
    CASE
      WHEN (
        "t1"."amount_low" IS NOT NULL
      ) AND (
        "t1"."amount_high" IS NOT NULL
      )
      THEN "t1"."amount_low" + "t1"."amount_high"
      ELSE "t1"."amount_value" + "t1"."amount_value"
    END
  ) AS "n",
  SUM(
    CASE
      WHEN (
        "t1"."amount_low" IS NOT NULL
      ) AND (
        "t1"."amount_high" IS NOT NULL
      )
      THEN "t1"."amount_low" + "t1"."amount_high"
      ELSE "t1"."amount_value" + "t1"."amount_value"
    END
  ) AS "mid__x2",
  SUM(
    CASE
      WHEN "t1"."amount_low" IS NOT NULL
      THEN "t1"."amount_low"
      ELSE "t1"."amount_value"
    END
  ) AS "low",
  SUM(
    CASE
      WHEN "t1"."amount_high" IS NOT NULL
      THEN "t1"."amount_high"
      ELSE "t1"."amount_value"
    END
  ) AS "high",
  COUNT(*) FILTER(WHERE
    (
      CASE
        WHEN "t1"."amount_low" IS NOT NULL
        THEN "t1"."amount_low"
        ELSE "t1"."amount_value"
      END IS NOT NULL
    )
    AND (
      CASE
        WHEN "t1"."amount_high" IS NOT NULL
        THEN "t1"."amount_high"
        ELSE "t1"."amount_value"
      END IS NULL
    )) AS "open_high",
  SUM(
    CASE
      WHEN (
        "t1"."cny_low" IS NOT NULL
      ) AND (
        "t1"."cny_high" IS NOT NULL
      )
      THEN "t1"."cny_low" + "t1"."cny_high"
      ELSE "t1"."cny_value" + "t1"."cny_value"
    END
  ) AS "at_deal_dates__x2"
FROM (
  SELECT
    *
  FROM "deals" AS "t0"
  WHERE
    "t0"."deal_date" >= MAKE_DATE(2014, 1, 1)
    AND "t0"."deal_date" <= MAKE_DATE(2018, 12, 31)
    AND "t0"."currency" IS NOT NULL
) AS "t1"
GROUP BY
  1,
  2
