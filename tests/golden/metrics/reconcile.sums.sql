SELECT
  "t1"."source_format",
  "t1"."currency",
  COUNT(*) FILTER(WHERE
    (
      (
        "t1"."amount_low" IS NOT NULL
      ) AND (
        "t1"."amount_high" IS NOT NULL
      )
    )
    OR (
      "t1"."amount_value" IS NOT NULL
    )) AS "n",
  SUM("t1"."amount_low" + "t1"."amount_high") FILTER(WHERE
    (
      "t1"."amount_low" IS NOT NULL
    ) AND (
      "t1"."amount_high" IS NOT NULL
    )) AS "mid__lh",
  SUM("t1"."amount_value") FILTER(WHERE
    NOT (
      (
        "t1"."amount_low" IS NOT NULL
      ) AND (
        "t1"."amount_high" IS NOT NULL
      )
    )) AS "mid__pt",
  SUM(COALESCE("t1"."amount_low", "t1"."amount_value")) AS "low",
  SUM(COALESCE("t1"."amount_high", "t1"."amount_value")) AS "high",
  SUM("t1"."cny_low" + "t1"."cny_high") FILTER(WHERE
    (
      "t1"."cny_low" IS NOT NULL
    ) AND (
      "t1"."cny_high" IS NOT NULL
    )) AS "at_deal_dates__lh",
  SUM("t1"."cny_value") FILTER(WHERE
    NOT (
      (
        "t1"."cny_low" IS NOT NULL
      ) AND (
        "t1"."cny_high" IS NOT NULL
      )
    )) AS "at_deal_dates__pt"
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
