SELECT
  *
FROM (
  SELECT
    EXTRACT(year FROM "t0"."deal_date") AS "year",
    COUNT(*) FILTER(WHERE
      (
        EXTRACT(month FROM "t0"."deal_date") < 7
      )
      OR (
        (
          EXTRACT(month FROM "t0"."deal_date") = 7
        )
        AND (
          EXTRACT(day FROM "t0"."deal_date") <= 31
        )
      )) AS "deals_ytd",
    COUNT(*) AS "deals_full_year",
    SUM("t0"."cny_low" + "t0"."cny_high") FILTER(WHERE
      (
        "t0"."cny_low" IS NOT NULL
      )
      AND (
        "t0"."cny_high" IS NOT NULL
      )
      AND (
        (
          EXTRACT(month FROM "t0"."deal_date") < 7
        )
        OR (
          (
            EXTRACT(month FROM "t0"."deal_date") = 7
          )
          AND (
            EXTRACT(day FROM "t0"."deal_date") <= 31
          )
        )
      )) AS "amount_mid_ytd__lh",
    SUM("t0"."cny_value") FILTER(WHERE
      NOT (
        (
          "t0"."cny_low" IS NOT NULL
        ) AND (
          "t0"."cny_high" IS NOT NULL
        )
      )
      AND (
        (
          EXTRACT(month FROM "t0"."deal_date") < 7
        )
        OR (
          (
            EXTRACT(month FROM "t0"."deal_date") = 7
          )
          AND (
            EXTRACT(day FROM "t0"."deal_date") <= 31
          )
        )
      )) AS "amount_mid_ytd__pt",
    SUM("t0"."cny_low" + "t0"."cny_high") FILTER(WHERE
      (
        "t0"."cny_low" IS NOT NULL
      ) AND (
        "t0"."cny_high" IS NOT NULL
      )) AS "amount_mid_full_year__lh",
    SUM("t0"."cny_value") FILTER(WHERE
      NOT (
        (
          "t0"."cny_low" IS NOT NULL
        ) AND (
          "t0"."cny_high" IS NOT NULL
        )
      )) AS "amount_mid_full_year__pt"
  FROM "deals" AS "t0"
  GROUP BY
    1
) AS "t1"
WHERE
  "t1"."year" IS NOT NULL
