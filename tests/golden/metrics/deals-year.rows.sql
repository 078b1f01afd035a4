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
  SUM("t0"."cny_low" + "t0"."cny_high") FILTER(WHERE
    (
      "t0"."cny_low" IS NOT NULL
    ) AND (
      "t0"."cny_high" IS NOT NULL
    )) AS "amount_mid__lh",
  SUM("t0"."cny_value") FILTER(WHERE
    NOT (
      (
        "t0"."cny_low" IS NOT NULL
      ) AND (
        "t0"."cny_high" IS NOT NULL
      )
    )) AS "amount_mid__pt",
  COUNT(*) FILTER(WHERE
    (
      (
        "t0"."cny_low" IS NOT NULL
      ) AND (
        "t0"."cny_high" IS NOT NULL
      )
    )
    OR (
      "t0"."cny_value" IS NOT NULL
    )) AS "n_mid"
FROM "deals" AS "t0"
GROUP BY
  1
