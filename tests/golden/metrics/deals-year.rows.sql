SELECT
  "t1"."year",
  SUM("t1"."n") AS "deals",
  SUM(CASE WHEN "t1"."k_disclosed" THEN "t1"."n" ELSE 0 END) AS "disclosed",
  SUM(CASE WHEN "t1"."k_kind" = 'undisclosed' THEN "t1"."n" ELSE 0 END) AS "undisclosed",
  SUM(CASE WHEN "t1"."k_kind" = 'unparsed' THEN "t1"."n" ELSE 0 END) AS "unparsed",
  SUM("t1"."value") FILTER(WHERE
    "t1"."k_exact") AS "amount_exact",
  SUM(CASE WHEN "t1"."k_exact" THEN "t1"."n_value" ELSE 0 END) AS "n_exact",
  SUM(CASE WHEN "t1"."k_low" THEN "t1"."low" ELSE "t1"."value" END) AS "amount_low",
  SUM(CASE WHEN "t1"."k_low" THEN "t1"."n" ELSE "t1"."n_value" END) AS "n_low",
  SUM(CASE WHEN "t1"."k_high" THEN "t1"."high" ELSE "t1"."value" END) AS "amount_high",
  SUM(CASE WHEN "t1"."k_high" THEN "t1"."n" ELSE "t1"."n_value" END) AS "n_high",
  SUM(
    CASE
      WHEN "t1"."k_low" AND "t1"."k_high"
      THEN "t1"."low" + "t1"."high"
      ELSE "t1"."value" + "t1"."value"
    END
  ) AS "amount_mid__x2",
  SUM(CASE WHEN "t1"."k_low" AND "t1"."k_high" THEN "t1"."n" ELSE "t1"."n_value" END) AS "n_mid"
FROM (
  SELECT
    EXTRACT(year FROM "t0"."deal_date") AS "year",
    "t0"."amount_kind" AS "k_kind",
    "t0"."disclosed" AS "k_disclosed",
    COALESCE("t0"."amount_qualifier" = 'exact', FALSE) AS "k_exact",
    "t0"."cny_low" IS NOT NULL AS "k_low",
    "t0"."cny_high" IS NOT NULL AS "k_high",
    COUNT(*) AS "n",
    COUNT("t0"."cny_value") AS "n_value",
    SUM("t0"."cny_value") AS "value",
    SUM("t0"."cny_low") AS "low",
    SUM("t0"."cny_high") AS "high"
  FROM "deals" AS "t0"
  GROUP BY
    1,
    2,
    3,
    4,
    5,
    6
) AS "t1"
GROUP BY
  1
