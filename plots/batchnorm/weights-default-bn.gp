# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-default-bn.gp` in this folder (reads weights-default-bn.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-default-bn.png'
set style fill solid 0.5 noborder
set grid
set multiplot layout 3,3 title 'PyTorch default + BN: each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.005872777700424194
set xrange [-0.16441895723342895:0.14096548318862914]
set xtics 0.1
plot 'weights-default-bn.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.005941016674041748
set xrange [-0.14534057497978212:0.1635922920703888]
set xtics 0.1
plot 'weights-default-bn.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.005608424693346024
set xrange [-0.129221104234457:0.1624169798195362]
set xtics 0.05
plot 'weights-default-bn.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.005142588317394257
set xrange [-0.1325679162144661:0.13484667629003524]
set xtics 0.05
plot 'weights-default-bn.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.004953121840953827
set xrange [-0.12820710808038713:0.1293552276492119]
set xtics 0.05
plot 'weights-default-bn.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.004913167953491211
set xrange [-0.1198629903793335:0.13562174320220946]
set xtics 0.05
plot 'weights-default-bn.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.010381808578968048
set xrange [-0.18806467026472093:0.35178937584161757]
set xtics 0.1
plot 'weights-default-bn.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
