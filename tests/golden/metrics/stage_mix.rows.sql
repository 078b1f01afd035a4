SELECT
  EXTRACT(year FROM "t0"."deal_date") AS "year",
  "t0"."round",
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
    )) AS "amount_mid__pt"
FROM "deals" AS "t0"
GROUP BY
  1,
  2
