# Loss of the first step over the sweep's grid, written by compare-inits.
# Re-render with `gnuplot sweep-first-loss.gp` in this folder (reads sweep-first-loss.dat).
reset
set terminal pngcairo size 960,720 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'sweep-first-loss.png'
set datafile missing '?'
set grid
set format y '%g'
set title 'The edge of chaos: which (σ_w², depth) a deep tanh network trains from:'."\n".'Loss of the first step (one seed)'
set xlabel 'σ_w²'
set ylabel 'depth'
set xrange [0.375:4.125]
set yrange [1.6329931618554518:119.52286093343936]
unset grid
set tics out
set key outside bottom center horizontal
set bmargin 6
set palette defined (0 '#440154', 0.25 '#3B528B', 0.5 '#21908D', 0.75 '#5DC963', 1 '#FDE725')
set cblabel 'Loss of the first step'
set xtics ('0.5' 0.5, '0.75' 0.75, '1' 1.0, '1.25' 1.25, '1.5' 1.5, '1.75' 1.75, '2' 2.0, '2.25' 2.25, '2.5' 2.5, '2.75' 2.75, '3' 3.0, '3.25' 3.25, '3.5' 3.5, '3.75' 3.75, '4' 4.0)
set logscale y
set ytics ('2' 2.0, '3' 3.0, '5' 5.0, '7' 7.0, '10' 10.0, '15' 15.0, '20' 20.0, '30' 30.0, '40' 40.0, '50' 50.0, '70' 70.0, '100' 100.0)
plot 'sweep-first-loss.dat' index 0 using 1:2:3:4:5:6:7 with boxxyerror fillstyle solid 1.0 noborder linecolor palette notitle, \
     'sweep-first-loss.dat' index 2 using 1:2 with lines linewidth 5 linecolor rgb '#FFFFFF' dashtype solid notitle, \
     'sweep-first-loss.dat' index 2 using 1:2 with lines linewidth 2 linecolor rgb '#D55E00' dashtype solid title '6ξ_c, mean-field theory'
