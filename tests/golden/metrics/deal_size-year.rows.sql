WITH "t2" AS (
  SELECT
    EXTRACT(year FROM "t1"."deal_date") AS "year",
    "t1"."amount_kind" AS "kind_",
    "t1"."amount_qualifier",
    "t1"."amount_value" AS "value",
    "t1"."amount_low" AS "low",
    "t1"."amount_high" AS "high",
    COUNT(*) AS "n_"
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
    1,
    2,
    3,
    4,
    5,
    6
)
SELECT
  *
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t15"."year",
      "t15"."measure",
      SUM("t15"."n_") AS "n",
      SUM("t15"."x" * "t15"."n_") AS "total",
      MIN("t15"."x") FILTER(WHERE
        (
          "t15"."before" * 2
        ) >= "t15"."all_") AS "lower",
      MIN("t15"."x") FILTER(WHERE
        (
          "t15"."before" * 2
        ) > "t15"."all_") AS "upper"
    FROM (
      SELECT
        "t14"."year",
        "t14"."measure",
        "t14"."x",
        "t14"."n_",
        SUM("t14"."n_") OVER (
          PARTITION BY "t14"."year", "t14"."measure"
          ORDER BY "t14"."x" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS "before",
        SUM("t14"."n_") OVER (
          PARTITION BY "t14"."year", "t14"."measure"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "all_"
      FROM (
        SELECT
          "t13"."year",
          "t13"."measure",
          "t13"."x",
          SUM("t13"."n_") AS "n_"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t3"."year",
                  'exact' AS "measure",
                  CAST(CASE
                    WHEN "t3"."amount_qualifier" = 'exact'
                    THEN "t3"."value"
                    ELSE CAST(NULL AS DECIMAL(38, 6))
                  END AS DECIMAL(38, 18)) AS "x",
                  "t3"."n_"
                FROM "t2" AS "t3"
              ) AS "t8"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t3"."year",
                  'low' AS "measure",
                  CAST(CASE WHEN "t3"."low" IS NOT NULL THEN "t3"."low" ELSE "t3"."value" END AS DECIMAL(38, 18)) AS "x",
                  "t3"."n_"
                FROM "t2" AS "t3"
              ) AS "t6"
            ) AS "t10"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t3"."year",
                  'high' AS "measure",
                  CAST(CASE WHEN "t3"."high" IS NOT NULL THEN "t3"."high" ELSE "t3"."value" END AS DECIMAL(38, 18)) AS "x",
                  "t3"."n_"
                FROM "t2" AS "t3"
              ) AS "t7"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t3"."year",
                  'mid' AS "measure",
                  CAST(CASE
                    WHEN (
                      "t3"."low" IS NOT NULL
                    ) AND (
                      "t3"."high" IS NOT NULL
                    )
                    THEN "t3"."low" + "t3"."high"
                    ELSE "t3"."value" + "t3"."value"
                  END AS DECIMAL(38, 18)) AS "x",
                  "t3"."n_"
                FROM "t2" AS "t3"
              ) AS "t9"
            ) AS "t11"
          ) AS "t12"
          WHERE
            "t12"."x" IS NOT NULL
        ) AS "t13"
        GROUP BY
          1,
          2,
          3
      ) AS "t14"
    ) AS "t15"
    GROUP BY
      1,
      2
  ) AS "t16"
) AS "t17"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t4"."year",
    "t4"."measure",
    "t4"."n",
    CAST(NULL AS DECIMAL(38, 18)) AS "total",
    CAST(NULL AS DECIMAL(38, 18)) AS "lower",
    CAST(NULL AS DECIMAL(38, 18)) AS "upper"
  FROM (
    SELECT
      "t3"."year",
      'kind:' || "t3"."kind_" AS "measure",
      SUM("t3"."n_") AS "n"
    FROM "t2" AS "t3"
    GROUP BY
      1,
      2
  ) AS "t4"
) AS "t5"
