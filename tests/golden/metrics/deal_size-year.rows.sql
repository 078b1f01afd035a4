WITH "t1" AS (
  SELECT
    EXTRACT(year FROM "t0"."deal_date") AS "year",
    "t0"."amount_kind" AS "kind_",
    "t0"."amount_qualifier",
    "t0"."cny_value" AS "value",
    "t0"."cny_low" AS "low",
    "t0"."cny_high" AS "high",
    COUNT(*) AS "n_"
  FROM "deals" AS "t0"
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
      "t14"."year",
      "t14"."measure",
      SUM("t14"."n_") AS "n",
      SUM("t14"."x" * "t14"."n_") AS "total",
      MIN("t14"."x") FILTER(WHERE
        (
          "t14"."before" * 2
        ) >= "t14"."all_") AS "lower",
      MIN("t14"."x") FILTER(WHERE
        (
          "t14"."before" * 2
        ) > "t14"."all_") AS "upper"
    FROM (
      SELECT
        "t13"."year",
        "t13"."measure",
        "t13"."x",
        "t13"."n_",
        SUM("t13"."n_") OVER (
          PARTITION BY "t13"."year", "t13"."measure"
          ORDER BY "t13"."x" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS "before",
        SUM("t13"."n_") OVER (
          PARTITION BY "t13"."year", "t13"."measure"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "all_"
      FROM (
        SELECT
          "t12"."year",
          "t12"."measure",
          "t12"."x",
          SUM("t12"."n_") AS "n_"
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
                  "t2"."year",
                  'exact' AS "measure",
                  CASE
                    WHEN "t2"."amount_qualifier" = 'exact'
                    THEN "t2"."value"
                    ELSE CAST(NULL AS DECIMAL(38, 6))
                  END AS "x",
                  "t2"."n_"
                FROM "t1" AS "t2"
              ) AS "t6"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t2"."year",
                  'low' AS "measure",
                  CASE WHEN "t2"."low" IS NOT NULL THEN "t2"."low" ELSE "t2"."value" END AS "x",
                  "t2"."n_"
                FROM "t1" AS "t2"
              ) AS "t4"
            ) AS "t9"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t2"."year",
                  'high' AS "measure",
                  CASE WHEN "t2"."high" IS NOT NULL THEN "t2"."high" ELSE "t2"."value" END AS "x",
                  "t2"."n_"
                FROM "t1" AS "t2"
              ) AS "t5"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t2"."year",
                  'mid' AS "measure",
                  CASE
                    WHEN (
                      "t2"."low" IS NOT NULL
                    ) AND (
                      "t2"."high" IS NOT NULL
                    )
                    THEN "t2"."low" + "t2"."high"
                    ELSE "t2"."value" + "t2"."value"
                  END AS "x",
                  "t2"."n_"
                FROM "t1" AS "t2"
              ) AS "t8"
            ) AS "t10"
          ) AS "t11"
          WHERE
            "t11"."x" IS NOT NULL
        ) AS "t12"
        GROUP BY
          1,
          2,
          3
      ) AS "t13"
    ) AS "t14"
    GROUP BY
      1,
      2
  ) AS "t15"
) AS "t16"
UNION ALL
SELECT
  *
FROM (
  SELECT
    "t3"."year",
    "t3"."measure",
    "t3"."n",
    CAST(NULL AS DECIMAL(38, 6)) AS "total",
    CAST(NULL AS DECIMAL(38, 6)) AS "lower",
    CAST(NULL AS DECIMAL(38, 6)) AS "upper"
  FROM (
    SELECT
      "t2"."year",
      'kind:' || "t2"."kind_" AS "measure",
      SUM("t2"."n_") AS "n"
    FROM "t1" AS "t2"
    GROUP BY
      1,
      2
  ) AS "t3"
) AS "t7"
