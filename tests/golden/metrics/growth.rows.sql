SELECT
  *
FROM (
  SELECT
    EXTRACT(year FROM "t3"."fx_day") AS "year",
    SUM("t3"."deals") AS "deals",
    SUM("t3"."amount_exact") AS "amount_exact",
    SUM("t3"."amount_mid__x2") AS "amount_mid__x2"
  FROM (
    SELECT
      "t2"."fx_day",
      "t2"."deals",
      "t2"."amount_exact",
      "t2"."amount_mid__x2",
      "t2"."n_amount_exact",
      "t2"."n_amount_mid__x2",
      TRUE AS "fx_known"
    FROM (
      SELECT
        "t1"."deal_date" AS "fx_day",
        COUNT(*) AS "deals",
        SUM(
          CASE
            WHEN "t1"."amount_qualifier" = 'exact'
            THEN "t1"."amount_value"
            ELSE CAST(NULL AS DECIMAL(38, 6))
          END
        ) AS "amount_exact",
        SUM("t1"."amount_mid_x2") AS "amount_mid__x2",
        COUNT(
          CASE
            WHEN "t1"."amount_qualifier" = 'exact'
            THEN "t1"."amount_value"
            ELSE CAST(NULL AS DECIMAL(38, 6))
          END
        ) AS "n_amount_exact",
        COUNT("t1"."amount_mid_x2") AS "n_amount_mid__x2"
      FROM (
        SELECT
          *
        FROM "deals" AS "t0"
        WHERE
          NOT (
            COALESCE(ARRAY_CONTAINS("t0"."flags", 'implausible_amount'), FALSE)
          )
      ) AS "t1"
      GROUP BY
        1
    ) AS "t2"
  ) AS "t3"
  GROUP BY
    1
) AS "t4"
WHERE
  "t4"."year" IS NOT NULL
