/**
 * Case tracking for an immigrant legal defense fund: referrals, partner organizations, representation,
 * outcomes and the money behind them. One top package per part of the domain; see the README's map.
 */
package org.defensefund.tracker;
