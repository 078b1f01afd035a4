SELECT
  EXTRACT(year FROM "t1"."deal_date") AS "year",
  EXTRACT(quarter FROM "t1"."deal_date") AS "quarter",
  "t1"."province",
  COUNT(*) AS "deals",
  COUNT(*) FILTER(WHERE
    "t1"."disclosed") AS "disclosed",
  COUNT(*) FILTER(WHERE
    "t1"."amount_kind" = 'undisclosed') AS "undisclosed",
  COUNT(*) FILTER(WHERE
    "t1"."amount_kind" = 'unparsed') AS "unparsed",
  SUM(
    CASE
      WHEN "t1"."amount_qualifier" = 'exact'
      THEN "t1"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END
  ) AS "amount_exact",
  COUNT(
    CASE
      WHEN "t1"."amount_qualifier" = 'exact'
      THEN "t1"."cny_value"
      ELSE CAST(NULL AS DECIMAL(38, 6))
    END
  ) AS "n_exact",
  SUM(COALESCE("t1"."cny_low", "t1"."cny_value")) AS "amount_low",
  COUNT(COALESCE("t1"."cny_low", "t1"."cny_value")) AS "n_low",
  SUM(COALESCE("t1"."cny_high", "t1"."cny_value")) AS "amount_high",
  COUNT(COALESCE("t1"."cny_high", "t1"."cny_value")) AS "n_high",
  SUM("t1"."cny_low" + "t1"."cny_high") FILTER(WHERE
    (
      "t1"."cny_low" IS NOT NULL
    ) AND (
      "t1"."cny_high" IS NOT NULL
    )) AS "amount_mid__lh",
  SUM("t1"."cny_value") FILTER(WHERE
    NOT (
      (
        "t1"."cny_low" IS NOT NULL
      ) AND (
        "t1"."cny_high" IS NOT NULL
      )
    )) AS "amount_mid__pt",
  COUNT(*) FILTER(WHERE
    (
      (
        "t1"."cny_low" IS NOT NULL
      ) AND (
        "t1"."cny_high" IS NOT NULL
      )
    )
    OR (
      "t1"."cny_value" IS NOT NULL
    )) AS "n_mid"
FROM (
  SELECT
    *
  FROM "deals" AS "t0"
  WHERE
    EXTRACT(year FROM "t0"."deal_date") >= 2014 AND "t0"."round" IN ('a', 'b')
) AS "t1"
GROUP BY
  1,
  2,
  3
