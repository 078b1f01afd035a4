SELECT
  "t0"."sector",
  COUNT(*) AS "deals",
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
    )) AS "n_mid",
  COUNT(DISTINCT "t0"."company_id") AS "companies"
FROM "deals" AS "t0"
GROUP BY
  1
