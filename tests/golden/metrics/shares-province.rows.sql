SELECT
  "t0"."province",
  COUNT(*) AS "deals",
  SUM("t0"."usd_low" + "t0"."usd_high") FILTER(WHERE
    (
      "t0"."usd_low" IS NOT NULL
    ) AND (
      "t0"."usd_high" IS NOT NULL
    )) AS "amount_mid__lh",
  SUM("t0"."usd_value") FILTER(WHERE
    NOT (
      (
        "t0"."usd_low" IS NOT NULL
      ) AND (
        "t0"."usd_high" IS NOT NULL
      )
    )) AS "amount_mid__pt",
  COUNT(*) FILTER(WHERE
    (
      (
        "t0"."usd_low" IS NOT NULL
      ) AND (
        "t0"."usd_high" IS NOT NULL
      )
    )
    OR (
      "t0"."usd_value" IS NOT NULL
    )) AS "n_mid"
FROM "deals" AS "t0"
GROUP BY
  1
