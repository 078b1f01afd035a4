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
      "t30"."year",
      'mid' AS "measure",
      "t30"."n",
      "t30"."total",
      "t30"."lower",
      "t30"."upper"
    FROM (
      SELECT
        "t23"."year",
        SUM("t23"."n_") AS "n",
        SUM("t23"."x" * "t23"."n_") AS "total",
        MIN("t23"."x") FILTER(WHERE
          (
            "t23"."before" * 2
          ) >= "t23"."all_") AS "lower",
        MIN("t23"."x") FILTER(WHERE
          (
            "t23"."before" * 2
          ) > "t23"."all_") AS "upper"
      FROM (
        SELECT
          "t19"."year",
          "t19"."x",
          "t19"."n_",
          SUM("t19"."n_") OVER (
            PARTITION BY "t19"."year"
            ORDER BY "t19"."x" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS "before",
          SUM("t19"."n_") OVER (
            PARTITION BY "t19"."year"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "all_"
        FROM (
          SELECT
            "t17"."year",
            "t17"."x",
            SUM("t17"."n_") AS "n_"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t2"."year",
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
            ) AS "t10"
            WHERE
              "t10"."x" IS NOT NULL
          ) AS "t17"
          GROUP BY
            1,
            2
        ) AS "t19"
      ) AS "t23"
      GROUP BY
        1
    ) AS "t30"
  ) AS "t32"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t3"."year",
        'deals' AS "measure",
        "t3"."n",
        CAST(NULL AS DECIMAL(38, 6)) AS "total",
        CAST(NULL AS DECIMAL(38, 6)) AS "lower",
        CAST(NULL AS DECIMAL(38, 6)) AS "upper"
      FROM (
        SELECT
          "t2"."year",
          SUM("t2"."n_") AS "n"
        FROM "t1" AS "t2"
        GROUP BY
          1
      ) AS "t3"
    ) AS "t7"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t4"."year",
        'undisclosed' AS "measure",
        "t4"."n",
        CAST(NULL AS DECIMAL(38, 6)) AS "total",
        CAST(NULL AS DECIMAL(38, 6)) AS "lower",
        CAST(NULL AS DECIMAL(38, 6)) AS "upper"
      FROM (
        SELECT
          "t2"."year",
          SUM("t2"."n_") FILTER(WHERE
            "t2"."kind_" = 'undisclosed') AS "n"
        FROM "t1" AS "t2"
        GROUP BY
          1
      ) AS "t4"
    ) AS "t11"
  ) AS "t13"
) AS "t34"
UNION ALL
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
        "t5"."year",
        'unparsed' AS "measure",
        "t5"."n",
        CAST(NULL AS DECIMAL(38, 6)) AS "total",
        CAST(NULL AS DECIMAL(38, 6)) AS "lower",
        CAST(NULL AS DECIMAL(38, 6)) AS "upper"
      FROM (
        SELECT
          "t2"."year",
          SUM("t2"."n_") FILTER(WHERE
            "t2"."kind_" = 'unparsed') AS "n"
        FROM "t1" AS "t2"
        GROUP BY
          1
      ) AS "t5"
    ) AS "t12"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t28"."year",
        'exact' AS "measure",
        "t28"."n",
        "t28"."total",
        "t28"."lower",
        "t28"."upper"
      FROM (
        SELECT
          "t22"."year",
          SUM("t22"."n_") AS "n",
          SUM("t22"."x" * "t22"."n_") AS "total",
          MIN("t22"."x") FILTER(WHERE
            (
              "t22"."before" * 2
            ) >= "t22"."all_") AS "lower",
          MIN("t22"."x") FILTER(WHERE
            (
              "t22"."before" * 2
            ) > "t22"."all_") AS "upper"
        FROM (
          SELECT
            "t18"."year",
            "t18"."x",
            "t18"."n_",
            SUM("t18"."n_") OVER (
              PARTITION BY "t18"."year"
              ORDER BY "t18"."x" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "before",
            SUM("t18"."n_") OVER (
              PARTITION BY "t18"."year"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "all_"
          FROM (
            SELECT
              "t14"."year",
              "t14"."x",
              SUM("t14"."n_") AS "n_"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t2"."year",
                  CASE
                    WHEN "t2"."amount_qualifier" = 'exact'
                    THEN "t2"."value"
                    ELSE CAST(NULL AS DECIMAL(38, 6))
                  END AS "x",
                  "t2"."n_"
                FROM "t1" AS "t2"
              ) AS "t6"
              WHERE
                "t6"."x" IS NOT NULL
            ) AS "t14"
            GROUP BY
              1,
              2
          ) AS "t18"
        ) AS "t22"
        GROUP BY
          1
      ) AS "t28"
    ) AS "t31"
  ) AS "t33"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t24"."year",
        'low' AS "measure",
        "t24"."n",
        "t24"."total",
        "t24"."lower",
        "t24"."upper"
      FROM (
        SELECT
          "t20"."year",
          SUM("t20"."n_") AS "n",
          SUM("t20"."x" * "t20"."n_") AS "total",
          MIN("t20"."x") FILTER(WHERE
            (
              "t20"."before" * 2
            ) >= "t20"."all_") AS "lower",
          MIN("t20"."x") FILTER(WHERE
            (
              "t20"."before" * 2
            ) > "t20"."all_") AS "upper"
        FROM (
          SELECT
            "t15"."year",
            "t15"."x",
            "t15"."n_",
            SUM("t15"."n_") OVER (
              PARTITION BY "t15"."year"
              ORDER BY "t15"."x" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "before",
            SUM("t15"."n_") OVER (
              PARTITION BY "t15"."year"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "all_"
          FROM (
            SELECT
              "t8"."year",
              "t8"."x",
              SUM("t8"."n_") AS "n_"
            FROM (
              SELECT
                "t2"."year",
                CASE WHEN "t2"."low" IS NOT NULL THEN "t2"."low" ELSE "t2"."value" END AS "x",
                "t2"."n_"
              FROM "t1" AS "t2"
              WHERE
                CASE WHEN "t2"."low" IS NOT NULL THEN "t2"."low" ELSE "t2"."value" END IS NOT NULL
            ) AS "t8"
            GROUP BY
              1,
              2
          ) AS "t15"
        ) AS "t20"
        GROUP BY
          1
      ) AS "t24"
    ) AS "t26"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t25"."year",
        'high' AS "measure",
        "t25"."n",
        "t25"."total",
        "t25"."lower",
        "t25"."upper"
      FROM (
        SELECT
          "t21"."year",
          SUM("t21"."n_") AS "n",
          SUM("t21"."x" * "t21"."n_") AS "total",
          MIN("t21"."x") FILTER(WHERE
            (
              "t21"."before" * 2
            ) >= "t21"."all_") AS "lower",
          MIN("t21"."x") FILTER(WHERE
            (
              "t21"."before" * 2
            ) > "t21"."all_") AS "upper"
        FROM (
          SELECT
            "t16"."year",
            "t16"."x",
            "t16"."n_",
            SUM("t16"."n_") OVER (
              PARTITION BY "t16"."year"
              ORDER BY "t16"."x" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS "before",
            SUM("t16"."n_") OVER (
              PARTITION BY "t16"."year"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "all_"
          FROM (
            SELECT
              "t9"."year",
              "t9"."x",
              SUM("t9"."n_") AS "n_"
            FROM (
              SELECT
                "t2"."year",
                CASE WHEN "t2"."high" IS NOT NULL THEN "t2"."high" ELSE "t2"."value" END AS "x",
                "t2"."n_"
              FROM "t1" AS "t2"
              WHERE
                CASE WHEN "t2"."high" IS NOT NULL THEN "t2"."high" ELSE "t2"."value" END IS NOT NULL
            ) AS "t9"
            GROUP BY
              1,
              2
          ) AS "t16"
        ) AS "t21"
        GROUP BY
          1
      ) AS "t25"
    ) AS "t27"
  ) AS "t29"
) AS "t35"
