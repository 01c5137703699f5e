package org.crackdown.gui;

import org.crackdown.agent.Gang;
import org.crackdown.space.ProvinceNetwork;

/**
 * A gang as shown on the map; its getters are what MASON's inspector shows when a dot is
 * double-clicked (the Gang itself has no bean getters, and the inspector must not change it).
 */
public final class GangMarker {

    private final ProvinceNetwork net;
    private long id;
    private Gang.State state = Gang.State.IDLE;
    private int home;
    private int location;
    private int destination;
    private int members;
    private int victims;
    private double money;

    GangMarker(ProvinceNetwork net) {
        this.net = net;
    }

    void update(Gang g) {
        id = g.id();
        state = g.state();
        home = g.home();
        location = g.location();
        destination = g.destination();
        members = g.members();
        victims = g.victims().size();
        money = g.money();
    }

    public Gang.State state() {
        return state;
    }

    public long getId() { return id; }
    public String getDoing() { return GangPortrayal.label(state); }
    public String getHome() { return net.get(home).nameEn(); }
    public String getNowIn() { return net.get(location).nameEn(); }
    public String getHeadingFor() { return destination < 0 ? "-" : net.get(destination).nameEn(); }
    public int getMembers() { return members; }
    public int getVictimsHeld() { return victims; }
    public long getMoneyRmb() { return Math.round(money); }

    @Override
    public String toString() {
        return "Gang " + id;
    }
}
